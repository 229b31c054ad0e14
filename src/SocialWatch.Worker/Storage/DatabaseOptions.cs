using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace SocialWatch.Worker.Storage;

/// <summary>Section "Database". The connection string holds a password: set it through the environment
/// (Database__ConnectionString) or a secret file, never in appsettings.json.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(ErrorMessage = "Database:ConnectionString is required (environment variable Database__ConnectionString)")]
    public string ConnectionString { get; set; } = "";

    /// <summary>The password, kept apart from the connection string so it can come from its own secret
    /// file (Docker secret Database__Password) while the rest of the string sits in plain configuration.
    /// When set it replaces any password in the connection string.</summary>
    public string? Password { get; set; }

    /// <summary>The connection string with <see cref="Password"/> applied and GSS encryption off unless the
    /// string requires it: Npgsql's default (Prefer) tries GSS first, and images without Kerberos libraries
    /// (the .NET container images) then log "Cannot load library libgssapi_krb5.so.2".</summary>
    public string EffectiveConnectionString()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (!string.IsNullOrEmpty(Password))
        {
            builder.Password = Password;
        }
        if (builder.GssEncryptionMode == GssEncryptionMode.Prefer)
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }
        return builder.ConnectionString;
    }

    /// <summary>Run the migrations when the worker starts (a database lock makes several workers migrate once).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
