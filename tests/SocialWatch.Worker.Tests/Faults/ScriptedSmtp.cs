using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MimeKit;

namespace SocialWatch.Worker.Tests.Faults;

/// <summary>What the scripted mail server does.</summary>
internal enum SmtpBehaviour
{
    /// <summary>A normal server: every message accepted with 250.</summary>
    Accept,

    /// <summary>Answers the end of DATA with 554: the server refuses this message.</summary>
    Refuse,

    /// <summary>Accepts the TCP connection and never says a word (no greeting): the client times out.</summary>
    Silent,

    /// <summary>Reads the whole message, keeps it, and closes the connection without answering the end
    /// of DATA: the client cannot know the message arrived, the one duplicate SMTP cannot rule out.</summary>
    DropAfterData,

    /// <summary>Answers AUTH with 535 (credentials refused).</summary>
    RefuseAuth,
}

/// <summary>
/// A hand-written SMTP server on a loopback port that misbehaves on request, for the fault and security
/// tests (the SmtpServer package cannot drop a connection mid-reply or stay silent). It speaks just
/// enough RFC 5321 for MailKit: EHLO, optional AUTH PLAIN/LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT;
/// no PIPELINING or CHUNKING is advertised, so the client sends one command at a time. With a
/// certificate it speaks TLS from the first byte (port 465 style).
/// </summary>
internal sealed class ScriptedSmtp : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly X509Certificate2? _certificate;
    private readonly ConcurrentBag<TcpClient> _clients = [];

    private ScriptedSmtp(X509Certificate2? certificate, bool advertiseAuth)
    {
        _certificate = certificate;
        AdvertiseAuth = advertiseAuth;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoopAsync();
    }

    public int Port { get; }

    public bool AdvertiseAuth { get; }

    /// <summary>What the server does from now on (read at each connection and at each end of DATA).</summary>
    public SmtpBehaviour Behaviour { get; set; } = SmtpBehaviour.Accept;

    /// <summary>When set, the behaviour for the next message only; afterwards <see cref="Behaviour"/> again.</summary>
    public SmtpBehaviour? NextMessage { get; set; }

    /// <summary>A pause before the server answers the end of DATA (a slow server).</summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Every message the server received in full and kept (accepted, or dropped after DATA), in order.</summary>
    public ConcurrentQueue<MimeMessage> Kept { get; } = new();

    /// <summary>Every command line received (AUTH lines included, for the secret-leak test's own check).</summary>
    public ConcurrentQueue<string> Commands { get; } = new();

    public int Connections;

    /// <summary>The clerk's mailbox as a mail client shows it: one message per Message-ID.</summary>
    public IReadOnlyList<MimeMessage> Mailbox => Kept.DistinctBy(m => m.MessageId).ToList();

    public static ScriptedSmtp Start(X509Certificate2? tlsCertificate = null, bool advertiseAuth = false) => new(tlsCertificate, advertiseAuth);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _clients.Add(client);
            Interlocked.Increment(ref Connections);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                Stream stream = client.GetStream();
                if (_certificate is not null)
                {
                    var ssl = new SslStream(stream);
                    await ssl.AuthenticateAsServerAsync(_certificate, clientCertificateRequired: false, checkCertificateRevocation: false);
                    stream = ssl;
                }
                if (Behaviour == SmtpBehaviour.Silent)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                    return;
                }
                var reader = new StreamReader(stream, Encoding.Latin1);
                var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 localhost ESMTP scripted");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    Commands.Enqueue(line);
                    var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-localhost");
                            if (AdvertiseAuth)
                            {
                                await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                            }
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "HELO" or "MAIL" or "RCPT" or "RSET" or "NOOP":
                            await writer.WriteLineAsync("250 OK");
                            break;
                        case "AUTH":
                            if (line.StartsWith("AUTH LOGIN", StringComparison.OrdinalIgnoreCase))
                            {
                                // The user name (unless sent inline) and the password, one line each.
                                if (line.Trim().Length == "AUTH LOGIN".Length)
                                {
                                    await writer.WriteLineAsync("334 VXNlcm5hbWU6");
                                    Commands.Enqueue(await reader.ReadLineAsync(_stop.Token) ?? "");
                                }
                                await writer.WriteLineAsync("334 UGFzc3dvcmQ6");
                                Commands.Enqueue(await reader.ReadLineAsync(_stop.Token) ?? "");
                            }
                            await writer.WriteLineAsync(Behaviour == SmtpBehaviour.RefuseAuth
                                ? "535 5.7.8 Authentication credentials invalid"
                                : "235 2.7.0 Authentication successful");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                            var data = new StringBuilder();
                            while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            {
                                data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                            }
                            var behaviour = NextMessage ?? Behaviour;
                            NextMessage = null;
                            if (ReplyDelay > TimeSpan.Zero)
                            {
                                await Task.Delay(ReplyDelay, _stop.Token);
                            }
                            if (behaviour == SmtpBehaviour.Refuse)
                            {
                                await writer.WriteLineAsync("554 5.7.1 Message rejected by policy");
                                break;
                            }
                            using (var raw = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                            {
                                Kept.Enqueue(await MimeMessage.LoadAsync(raw));
                            }
                            if (behaviour == SmtpBehaviour.DropAfterData)
                            {
                                client.Client.LingerState = new LingerOption(true, 0);
                                return;
                            }
                            await writer.WriteLineAsync("250 2.0.0 Queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 Bye");
                            return;
                        default:
                            await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                            break;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException
            or System.Security.Authentication.AuthenticationException)
        {
            // The client went away, or the test is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
        _stop.Dispose();
    }
}
