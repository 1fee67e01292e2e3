using System.Net.Http.Json;
using AcousticDistill.Gateway.Hosting;
using AcousticDistill.Gateway.Security;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>
/// The per-client limit with default settings (security finding: 1,000 trickling sockets from one host starved the
/// Gateway, and a made-up <c>?api_key=bogus-N</c> per socket made each its own client). Each test is a client of its
/// own loopback address, and starts once earlier tests' slots are free.
/// </summary>
public sealed class ClientStreamLimitTests(AdmissionGatewayFixture gateway) : IClassFixture<AdmissionGatewayFixture>
{
    private static readonly int s_defaultLimit = new SecurityOptions().MaxStreamsPerClient;

    [Fact]
    public async Task Streams_OneMoreThanTheDefaultLimitFromOneAddress_429WithRetryAfter_OtherAddressesUnaffected()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        using var source = new LoopbackSource(2);
        using var other = new LoopbackSource(3);
        var streams = await OpenAsync(source, s_defaultLimit, _ => "");
        try
        {
            var refused = await VoskClient.TryConnectAsync(gateway.StreamUri(), source.Invoker);
            var elsewhere = await VoskClient.TryConnectAsync(gateway.StreamUri(), other.Invoker);
            await using (elsewhere.Client)
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
                Assert.Equal(AdmissionRefusal.RetryAfterSeconds.ToString(), refused.RetryAfter);
                Assert.Equal(HttpStatusCode.SwitchingProtocols, elsewhere.Status);
            }

            await streams[0].DisposeAsync();
            // The slot is free once the server has seen the close.
            await using var next = await Eventually.ValueAsync(async () => (await VoskClient.TryConnectAsync(gateway.StreamUri(), source.Invoker)).Client,
                TimeSpan.FromSeconds(10), "a closed stream's slot was not freed for its client");
        }
        finally
        {
            await DisposeAllAsync(streams);
        }
    }

    [Fact]
    public async Task Streams_WithAMadeUpKeyEach_CountAsTheirAddress()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        using var source = new LoopbackSource(4);
        var streams = await OpenAsync(source, s_defaultLimit, n => $"?api_key=bogus-{n}");
        try
        {
            var inQuery = await VoskClient.TryConnectAsync(gateway.StreamUri($"?api_key=bogus-{s_defaultLimit + 1}"), source.Invoker);
            var inHeader = await VoskClient.TryConnectAsync(gateway.StreamUri(), source.Invoker, ("Authorization", $"Bearer bogus-{s_defaultLimit + 2}"));

            Assert.Equal(HttpStatusCode.TooManyRequests, inQuery.Status);
            Assert.Equal(HttpStatusCode.TooManyRequests, inHeader.Status);
        }
        finally
        {
            await DisposeAllAsync(streams);
        }
    }

    [Fact]
    public async Task Recognize_WhileItsAddressIsAtTheLimit_429Problem_AnsweredOnceAStreamCloses()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        using var source = new LoopbackSource(5);
        using var http = source.Http(gateway);
        var streams = await OpenAsync(source, s_defaultLimit, _ => "");
        try
        {
            var refused = await http.PostAsync("/v1/recognize", Wav());
            // Refused before the upload is read: a large body must still get the answer, not a reset connection.
            var refusedLarge = await http.PostAsync("/v1/recognize", new ByteArrayContent(new byte[GatewayFixture.MaxUploadBytes - 1024]));
            await AssertRefusedAsync(refused, "Security:MaxStreamsPerClient");
            await AssertRefusedAsync(refusedLarge, "Security:MaxStreamsPerClient");

            await streams[0].DisposeAsync();
            var answered = await Eventually.ValueAsync(async () =>
            {
                var response = await http.PostAsync("/v1/recognize", Wav());
                return response.StatusCode == HttpStatusCode.TooManyRequests ? null : response;
            }, TimeSpan.FromSeconds(10), "a recognition was still refused after one of its client's streams closed");
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        finally
        {
            await DisposeAllAsync(streams);
        }
    }

    [Fact]
    public async Task Recognize_WhileTheGatewayIsFull_429NamesTheGatewayLimit_AnsweredOnceStreamsClose()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        using var first = new LoopbackSource(6);
        using var second = new LoopbackSource(7);
        using var third = new LoopbackSource(8);
        using var http = third.Http(gateway);
        var streams = await OpenAsync(first, s_defaultLimit, _ => "");
        try
        {
            streams.AddRange(await OpenAsync(second, AdmissionGatewayFixture.MaxStreams - s_defaultLimit, _ => ""));

            var refused = await http.PostAsync("/v1/recognize", Wav());
            await AssertRefusedAsync(refused, "Gateway:Limits:MaxConcurrentStreams");
        }
        finally
        {
            await DisposeAllAsync(streams);
        }
        await AdmissionSlots.AllFreeAsync(gateway);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/v1/recognize", Wav())).StatusCode);
    }

    [Fact]
    public async Task Recognize_FailedAndAnsweredRequests_ReleaseTheirSlots()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        using var source = new LoopbackSource(9);
        using var http = source.Http(gateway);

        // More requests than the client may have open at once: a slot kept by any of them would refuse the last ones.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= s_defaultLimit; i++)
        {
            statuses.Add((await http.PostAsync("/v1/recognize", new ByteArrayContent([]))).StatusCode);
            statuses.Add((await http.PostAsync("/v1/recognize", new ByteArrayContent("not a wav file"u8.ToArray()))).StatusCode);
        }
        statuses.Add((await http.PostAsync("/v1/recognize", Wav())).StatusCode);

        Assert.All(statuses.SkipLast(1), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.OK, statuses[^1]);
        Assert.Equal(0, AdmissionSlots.Held(gateway));
    }

    [Fact]
    public async Task Recognize_AnUploadTrickling_HoldsASlot_FreedWhenTheClientGoes()
    {
        await AdmissionSlots.AllFreeAsync(gateway);
        using var source = new LoopbackSource(10);
        using var http = source.Http(gateway);
        using var cancel = new CancellationTokenSource();
        var upload = new NeverEndingContent();

        var request = http.PostAsync("/v1/recognize", upload, cancel.Token);
        await upload.Started.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => Task.FromResult(AdmissionSlots.Held(gateway) == 1), TimeSpan.FromSeconds(10),
            "an upload in progress did not hold an admission slot");
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        await AdmissionSlots.AllFreeAsync(gateway);
    }

    private async Task<List<VoskClient>> OpenAsync(LoopbackSource source, int count, Func<int, string> query)
    {
        var streams = new List<VoskClient>();
        for (var n = 1; n <= count; n++)
        {
            var handshake = await VoskClient.TryConnectAsync(gateway.StreamUri(query(n)), source.Invoker);
            if (handshake.Client is null)
            {
                await DisposeAllAsync(streams);
                Assert.Fail($"stream {n} of {count} from {source.Address} was refused with {(int)handshake.Status}");
            }
            streams.Add(handshake.Client);
        }
        return streams;
    }

    private static async Task DisposeAllAsync(List<VoskClient> streams)
    {
        foreach (var stream in streams)
        {
            await stream.DisposeAsync();
        }
    }

    private static ByteArrayContent Wav() => new(File.ReadAllBytes(Speech.Wav("one", 16000)));

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string limit)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(AdmissionRefusal.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(AdmissionRefusal.Code, (string?)problem["code"]);
        Assert.Contains(limit, (string)problem["detail"]!, StringComparison.Ordinal);
    }

    // A WAV header, then nothing more until the request is cancelled: an upload that trickles forever.
    private sealed class NeverEndingContent : HttpContent
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync("RIFF"u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            _started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
