using System.Text.Json;
using Lianxin.Core.Common;

namespace Lianxin.Web.Hosting;

/// <summary>Finds the personal-data keys: configuration first (production sets them from a secret
/// store); otherwise a key file beside the SQLite database, created once so a fresh machine runs.</summary>
public static class PersonalDataKeys
{
    public static PersonalDataOptions Load(IConfiguration config, string contentRoot)
    {
        var options = new PersonalDataOptions
        {
            EncryptionKey = config["PersonalData:EncryptionKey"] ?? "",
            BlindIndexKey = config["PersonalData:BlindIndexKey"] ?? "",
        };
        if (options.EncryptionKey.Length > 0 && options.BlindIndexKey.Length > 0)
            return options;
        // On PostgreSQL several nodes share one database: a key file made on one node would leave the
        // others unable to read or find anyone, so the keys must be configured.
        if (DatabaseSetup.Provider(config) == DatabaseProvider.Postgres)
            throw new InvalidOperationException(
                "With Database:Provider=Postgres, set PersonalData:EncryptionKey and PersonalData:BlindIndexKey "
                    + "(base64 of 32 bytes each, e.g. `openssl rand -base64 32`) on every node."
            );

        var file = config["PersonalData:KeyFile"] is { Length: > 0 } f ? f : "data/personal-data-keys.json";
        if (!Path.IsPathRooted(file))
            file = Path.Combine(contentRoot, file);
        if (File.Exists(file))
            return JsonSerializer.Deserialize<PersonalDataOptions>(File.ReadAllText(file))
                ?? throw new InvalidOperationException($"Personal data key file {file} is unreadable.");

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        options = new PersonalDataOptions
        {
            EncryptionKey = PersonalDataProtector.NewKey(),
            BlindIndexKey = PersonalDataProtector.NewKey(),
        };
        File.WriteAllText(file, JsonSerializer.Serialize(options));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return options;
    }
}
