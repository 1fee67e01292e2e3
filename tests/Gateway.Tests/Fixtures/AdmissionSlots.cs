using AcousticDistill.Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AcousticDistill.Gateway.Tests.Fixtures;

/// <summary>The Gateway's admission slots, seen from tests: a closed stream frees its slot once the server has seen the close.</summary>
public static class AdmissionSlots
{
    /// <summary>Slots held now.</summary>
    public static int Held(GatewayFixture gateway) => gateway.App.Services.GetRequiredService<StreamAdmission>().Open;

    /// <summary>Waits until no stream or recognition holds a slot (what earlier tests opened has been released).</summary>
    public static Task AllFreeAsync(GatewayFixture gateway) =>
        Eventually.TrueAsync(() => Task.FromResult(Held(gateway) == 0), TimeSpan.FromSeconds(10),
            "the Gateway still holds admission slots of closed streams or finished requests");
}
