using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SocialWatch.Worker.Tests.Security;

/// <summary>
/// A council's mail server on a loopback port: TLS from the first byte (465-style) or STARTTLS (587-style)
/// with the certificate it is given (which can be changed while it runs, as when IT support fixes it),
/// sign-in required and offered only over TLS. Keeps what it accepts and who signed in.
/// </summary>
internal sealed class TlsSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private TlsSmtpServer(X509Certificate2 certificate, bool implicitTls, string user, string password)
    {
        Certificate = certificate;
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e
                .Endpoint(new IPEndPoint(IPAddress.Loopback, Port))
                .IsSecure(implicitTls)
                .Certificate(new CurrentCertificate(this))
                .AllowUnsecureAuthentication(false)
                .AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new DelegatingUserAuthenticator((context, u, p) =>
        {
            var accepted = u == user && p == password;
            Logins.Enqueue((u, accepted, context.Pipe.IsSecure));
            return accepted;
        }));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>The certificate the next connection gets.</summary>
    public X509Certificate2 Certificate { get; set; }

    public ConcurrentQueue<MimeMessage> Accepted { get; } = new();

    /// <summary>Every sign-in: the user, whether the password was right, whether TLS was on.</summary>
    public ConcurrentQueue<(string User, bool Accepted, bool OverTls)> Logins { get; } = new();

    public static TlsSmtpServer Start(X509Certificate2 certificate, bool implicitTls, string user, string password) =>
        new(certificate, implicitTls, user, password);

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

    private sealed class CurrentCertificate(TlsSmtpServer server) : ICertificateFactory
    {
        public X509Certificate GetServerCertificate(ISessionContext sessionContext) => server.Certificate;
    }

    private sealed class Store(TlsSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            server.Accepted.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
