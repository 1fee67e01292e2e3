using System.Text.Json.Nodes;

namespace AcousticDistill.Gateway.Tests.Security;

/// <summary>
/// What callers without the admin key can read (issue 14, finding 5): job status and the build's code version were
/// public; both are now for admin callers only.
/// </summary>
public sealed class PublicSurfaceTests(SecuredGatewayFixture gateway) : IClassFixture<SecuredGatewayFixture>
{
    [Fact]
    public async Task JobStatus_WithoutTheAdminKey_401_WithIt_ReachesTheJob()
    {
        using var http = gateway.Http();
        var job = $"/v1/jobs/{Guid.NewGuid()}";

        var refused = await http.GetAsync(job);
        http.DefaultRequestHeaders.Add("X-Api-Key", SecuredGatewayFixture.AdminKey);
        var answered = await http.GetAsync(job);

        // Before: 404 "never started" to anyone. Now the key check comes first; with the key the job grain answers.
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, answered.StatusCode);
    }

    [Fact]
    public async Task ModelList_ShowsTheCodeVersion_OnlyToAdminCallers()
    {
        using var http = gateway.Http();

        var anonymous = await CodeVersionsAsync(http);
        http.DefaultRequestHeaders.Add("X-Api-Key", SecuredGatewayFixture.AdminKey);
        var admin = await CodeVersionsAsync(http);

        Assert.NotEmpty(anonymous);
        Assert.All(anonymous, Assert.Null);
        Assert.Equal(anonymous.Count, admin.Count);
        Assert.All(admin, v => Assert.False(string.IsNullOrEmpty(v)));
    }

    private static async Task<List<string?>> CodeVersionsAsync(HttpClient http)
    {
        var list = JsonNode.Parse(await http.GetStringAsync("/v1/models"))!;
        return list["families"]!.AsArray()
            .SelectMany(f => f!["versions"]!.AsArray())
            .Select(v => (string?)v!["lineage"]!["code_version"])
            .ToList();
    }
}
