using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace SocialWatch.Worker.Alerts;

/// <summary>One SMTP connection for one run of the alert job, opened at the first message. The
/// server's certificate is always validated: against the system's CAs (MailKit's default) or, with
/// Alerts:TrustedCaFile, against the council's own CA (<see cref="SmtpCertificateTrust"/>); nothing
/// here turns validation off.</summary>
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
            var trust = string.IsNullOrEmpty(options.TrustedCaFile) ? null : SmtpCertificateTrust.Load(options.TrustedCaFile, options.SmtpHost);
            if (trust is not null)
            {
                _client.ServerCertificateValidationCallback = trust.Validate;
            }
            try
            {
                await _client.ConnectAsync(options.SmtpHost, options.SmtpPort, security, ct);
            }
            catch (SslHandshakeException e) when (trust?.Refusal is { } refusal)
            {
                // MailKit's message lists the platform's view of the chain, which knows nothing of the
                // configured CA; say what was actually wrong.
                throw new SslHandshakeException($"the mail server's certificate was refused: {refusal}", e);
            }
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
