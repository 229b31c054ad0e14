using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SocialWatch.Worker.Alerts;

/// <summary>One SMTP connection for one run of the alert job, opened at the first message. The
/// server's certificate is always validated (MailKit's default); nothing here turns that off.</summary>
internal sealed class SmtpMailer(AlertsOptions options) : IAsyncDisposable
{
    private SmtpClient? _client;

    /// <summary>Returns when the server has accepted the message (its reply to the end of DATA).</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        if (_client is not { IsConnected: true })
        {
            await DisposeAsync();
            _client = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
            var security = options.Security switch
            {
                SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.None => SecureSocketOptions.None,
                _ => SecureSocketOptions.StartTls,
            };
            await _client.ConnectAsync(options.SmtpHost, options.SmtpPort, security, ct);
            if (!string.IsNullOrEmpty(options.SmtpUser))
            {
                await _client.AuthenticateAsync(options.SmtpUser, options.SmtpPassword, ct);
            }
        }
        await _client.SendAsync(message, ct);
    }

    /// <summary>After a connection-level failure the next message starts a new connection.</summary>
    public async Task ResetAsync()
    {
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            try
            {
                if (client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or SmtpCommandException or OperationCanceledException)
            {
                // The messages are sent or recorded as failed already; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
