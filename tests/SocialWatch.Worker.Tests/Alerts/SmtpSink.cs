using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>
/// The clerk's mail server for the tests: a real SMTP server (SmtpServer) on a loopback port that keeps
/// every message it accepts, with its envelope. It can be stopped and started again on the same port,
/// to play a mail server that is down for a while.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private CancellationTokenSource? _stop;
    private Task? _running;

    private SmtpSink(int port) => Port = port;

    internal sealed record Received(MimeMessage Message, IReadOnlyList<string> Recipients, byte[] Raw);

    public int Port { get; }

    /// <summary>Every message accepted, duplicates included, in order.</summary>
    public ConcurrentQueue<Received> Accepted { get; } = new();

    /// <summary>The clerk's mailbox as a mail client shows it: one message per Message-ID.</summary>
    public IReadOnlyList<MimeMessage> Mailbox => Accepted.Select(r => r.Message).DistinctBy(m => m.MessageId).ToList();

    public bool IsRunning => _running is not null;

    /// <summary>A sink on a free port; not listening until <see cref="Start"/> when <paramref name="listening"/> is false.</summary>
    public static SmtpSink Create(bool listening = true)
    {
        var sink = new SmtpSink(FreePort());
        if (listening)
        {
            sink.Start();
        }
        return sink;
    }

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>Waits until at least <paramref name="count"/> messages were accepted.</summary>
    public async Task WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (Accepted.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{Accepted.Count} of {count} message(s) arrived within {timeout}");
            }
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink.Accepted.Enqueue(new Received(message, transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(), raw));
            return SmtpResponse.Ok;
        }
    }
}
