using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Web;

namespace SocialWatch.Demo;

/// <summary>The demo's review page: switched on, on port 8080 when it is free (else any free port),
/// with a "demo clerk" login whose password is made afresh for each run and printed.</summary>
internal static class DemoSignIn
{
    public const string Name = "demo clerk";

    public static void Configure(IDictionary<string, string?> settings, IConfiguration configured)
    {
        settings["Web:Enabled"] = configured["Web:Enabled"] ?? "true";
        if (string.IsNullOrWhiteSpace(configured["Web:Urls"]))
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            settings["Web:Urls"] = url;
            settings["Web:BaseUrl"] = configured["Web:BaseUrl"] ?? url;
        }
    }

    public static async Task CreateAndPrintAsync(IServiceProvider services, CancellationToken ct)
    {
        var web = services.GetRequiredService<IOptions<WebOptions>>().Value;
        if (!web.Enabled)
        {
            return;
        }
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(9)).ToLowerInvariant();
        await services.GetRequiredService<ClerkLogins>().AddAsync(Name, password, replace: true, ct);
        var address = web.BaseUrl.Length > 0 ? web.BaseUrl : web.Urls;
        Console.WriteLine($"""
              Review page {address}
                          sign in as "{Name}" with the password {password} (new each run)

            """);
    }

    private static int FreePort()
    {
        foreach (var port in new[] { 8080, 0 })
        {
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return ((IPEndPoint)probe.LocalEndpoint).Port;
            }
            catch (SocketException)
            {
                // 8080 is taken: any free port will do.
            }
        }
        throw new InvalidOperationException("no free loopback port for the review page");
    }
}
