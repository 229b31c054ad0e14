using System.ComponentModel.DataAnnotations;

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

    /// <summary>The connection string with <see cref="Password"/> applied.</summary>
    public string EffectiveConnectionString()
    {
        if (string.IsNullOrEmpty(Password))
        {
            return ConnectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = Password }.ConnectionString;
    }

    /// <summary>Run the migrations when the worker starts (a database lock makes several workers migrate once).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
