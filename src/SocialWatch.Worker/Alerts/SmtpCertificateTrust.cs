using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocialWatch.Worker.Alerts;

/// <summary>
/// Validates the mail server's certificate against the CA(s) in Alerts:TrustedCaFile instead of the
/// system's store, for a council whose mail server has a certificate from its own CA. Validation stays
/// whole: the chain must build to one of those CAs (and to nothing else) and the certificate must be
/// for Alerts:SmtpHost. Revocation is not checked: a private CA rarely publishes a revocation list, and
/// a check that cannot reach one would refuse every message. When it refuses, <see cref="Refusal"/>
/// says why in words the operator can act on.
/// </summary>
internal sealed class SmtpCertificateTrust
{
    private readonly X509Certificate2Collection _authorities;
    private readonly string _file;
    private readonly string _host;

    private SmtpCertificateTrust(X509Certificate2Collection authorities, string file, string host)
    {
        _authorities = authorities;
        _file = file;
        _host = host;
    }

    /// <summary>Why the last certificate was refused; null when it was accepted or none was seen.</summary>
    public string? Refusal { get; private set; }

    public static SmtpCertificateTrust Load(string file, string host) => new(ReadAuthorities(file), file, host);

    /// <summary>What is wrong with the file (for the start-up check), or null.</summary>
    public static string? LoadProblem(string file)
    {
        try
        {
            return ReadAuthorities(file).Count == 0 ? $"'{file}' holds no PEM certificate (-----BEGIN CERTIFICATE-----)" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"'{file}' cannot be read as PEM certificates: {e.Message}";
        }
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        Refusal = Check(certificate, presented, errors);
        return Refusal is null;
    }

    private string? Check(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return "the mail server sent no certificate";
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        // The name check is the platform's own (it knows IP addresses and wildcards); only the chain is ours.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"the mail server's certificate ({Describe(leaf)}) is not for the host name '{_host}' in Alerts:SmtpHost";
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        // Intermediates the server sent along may complete the chain; they are not trusted by being sent.
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        if (chain.Build(leaf))
        {
            return null;
        }
        var reasons = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
        return $"the mail server's certificate ({Describe(leaf)}) is not signed by a CA in Alerts:TrustedCaFile '{_file}': {reasons}";
    }

    private static string Describe(X509Certificate2 certificate) =>
        $"subject '{certificate.Subject}', issued by '{certificate.Issuer}'";

    private static X509Certificate2Collection ReadAuthorities(string file)
    {
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(file);
        return authorities;
    }
}
