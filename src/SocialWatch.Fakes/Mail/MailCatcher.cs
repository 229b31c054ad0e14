using System.Buffers;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SocialWatch.Fakes.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 that accepts every message and writes it, as received, to an .eml
/// file in a folder: the demo's stand-in for a mail catcher when Docker's Mailpit is not there.
/// Any mail client opens the files.
/// </summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private readonly FolderStore _store;

    private MailCatcher(SmtpServer.SmtpServer server, FolderStore store, int port, string folder)
    {
        _store = store;
        _server = server;
        Port = port;
        Folder = folder;
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Every message accepted, with when it was accepted, in arrival order.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Message)> Received => _store.Received.ToArray();

    public string Folder { get; }

    public static MailCatcher Start(string folder)
    {
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        var store = new FolderStore(folder);
        services.Add(store);
        return new MailCatcher(new SmtpServer.SmtpServer(options, services), store, port, folder);
    }

    public async ValueTask DisposeAsync()
    {
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
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FolderStore(string folder) : MessageStore
    {
        private int _count;

        public System.Collections.Concurrent.ConcurrentQueue<(DateTimeOffset, string)> Received { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _count);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{number:D4}.eml";
            var bytes = buffer.ToArray();
            await File.WriteAllBytesAsync(Path.Combine(folder, name), bytes, cancellationToken);
            Received.Enqueue((DateTimeOffset.UtcNow, System.Text.Encoding.UTF8.GetString(bytes)));
            return SmtpResponse.Ok;
        }
    }
}
