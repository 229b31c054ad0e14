using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Worker.Storage;

/// <summary>Section "Database". The connection string holds a password: set it through the environment
/// (Database__ConnectionString) or a secret file, never in appsettings.json.</summary>
internal sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(ErrorMessage = "Database:ConnectionString is required (environment variable Database__ConnectionString)")]
    public string ConnectionString { get; set; } = "";

    /// <summary>Run the migrations when the worker starts (a database lock makes several workers migrate once).</summary>
    public bool MigrateOnStart { get; set; } = true;
}
