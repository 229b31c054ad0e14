using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Avatars;
using SocialWatch.Fakes;

namespace SocialWatch.Connectors.Tests.Avatars;

public sealed class AvatarFetcherTests : IAsyncLifetime
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0];
    private FakeServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeServer.StartAsync(app =>
    {
        app.MapGet("/ok.png", () => Results.Bytes(Png, "image/png"));
        app.MapGet("/big.png", () => Results.Bytes([.. Png, .. new byte[3 * 1024 * 1024]], "image/png"));
        app.MapGet("/big-chunked.png", async (HttpContext http) =>
        {
            http.Response.ContentType = "image/png";
            await http.Response.Body.WriteAsync(Png);
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 48; i++)
            {
                await http.Response.Body.WriteAsync(chunk);
            }
        });
        app.MapGet("/html.png", () => Results.Text("<html><script>alert(1)</script></html>", "image/png"));
        app.MapGet("/page", () => Results.Text("<html></html>", "text/html"));
        app.MapGet("/to-metadata", () => Results.Redirect("http://169.254.169.254/latest/meta-data/"));
        app.MapGet("/to-private", () => Results.Redirect("http://10.0.0.5/avatar.png"));
        app.MapGet("/to-ok", () => Results.Redirect("/ok.png"));
        app.MapGet("/loop", () => Results.Redirect("/loop"));
    });

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    /// <summary>The production rules, except that loopback (where the test server is) and plain HTTP are allowed.</summary>
    private static ServiceProvider Services(bool allowLoopback = true, bool requireHttps = false)
    {
        var services = new ServiceCollection();
        services.AddConnectors(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Avatars:RequireHttps"] = requireHttps ? "true" : "false",
            ["Avatars:MaxBytes"] = (2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build());
        services.PostConfigure<AvatarOptions>(o =>
        {
            if (allowLoopback)
            {
                o.IsRefusedAddress = a => !IPAddress.IsLoopback(a) && AvatarFetcher.IsPrivate(a);
            }
        });
        return services.BuildServiceProvider();
    }

    private async Task<AvatarResult> FetchAsync(string path, bool allowLoopback = true, bool requireHttps = false)
    {
        using var services = Services(allowLoopback, requireHttps);
        return await services.GetRequiredService<AvatarFetcher>().FetchAsync(new Uri(_server.BaseAddress, path), CancellationToken.None);
    }

    [Fact]
    public async Task A_png_is_fetched()
    {
        var result = await FetchAsync("ok.png");
        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(Png, result.Image);
        Assert.Equal("image/png", result.ContentType);
    }

    [Fact]
    public async Task A_redirect_to_a_fine_image_is_followed()
    {
        Assert.True((await FetchAsync("to-ok")).Succeeded);
    }

    [Theory]
    [InlineData("to-metadata", "169.254.169.254")]
    [InlineData("to-private", "10.0.0.5")]
    public async Task A_redirect_to_a_private_address_is_refused(string path, string address)
    {
        var result = await FetchAsync(path);
        Assert.False(result.Succeeded);
        Assert.Contains(address, result.Failure, StringComparison.Ordinal);
        Assert.Contains("private", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loopback_is_refused_by_default()
    {
        var result = await FetchAsync("ok.png", allowLoopback: false);
        Assert.False(result.Succeeded);
        Assert.Contains("127.0.0.1", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_http_is_refused_when_https_is_required()
    {
        var result = await FetchAsync("ok.png", requireHttps: true);
        Assert.False(result.Succeeded);
        Assert.Contains("not https", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("big.png")]
    [InlineData("big-chunked.png")]
    public async Task An_oversized_image_is_refused(string path)
    {
        var result = await FetchAsync(path);
        Assert.False(result.Succeeded);
        Assert.Contains("limit", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_sent_as_an_image_is_refused_by_its_bytes()
    {
        var result = await FetchAsync("html.png");
        Assert.False(result.Succeeded);
        Assert.Contains("not a PNG", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_image_content_type_is_refused()
    {
        var result = await FetchAsync("page");
        Assert.False(result.Succeeded);
        Assert.Contains("text/html", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_loops_end()
    {
        var result = await FetchAsync("loop");
        Assert.False(result.Succeeded);
        Assert.Contains("redirects", result.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.20.0.1", true)]
    [InlineData("192.168.1.1", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("2606:4700::1111", false)]
    public void Private_ranges(string address, bool isPrivate) => Assert.Equal(isPrivate, AvatarFetcher.IsPrivate(IPAddress.Parse(address)));

    [Fact]
    public void Image_headers_are_recognised()
    {
        Assert.Equal("image/png", AvatarFetcher.Sniff(Png));
        Assert.Equal("image/jpeg", AvatarFetcher.Sniff([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/gif", AvatarFetcher.Sniff("GIF89a...."u8));
        Assert.Equal("image/webp", AvatarFetcher.Sniff("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(AvatarFetcher.Sniff("<svg xmlns="u8));
        Assert.Null(AvatarFetcher.Sniff([]));
    }
}
