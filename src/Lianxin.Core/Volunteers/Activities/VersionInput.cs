namespace Lianxin.Core.Volunteers.Activities;

public sealed record VersionInput(long? Version);
