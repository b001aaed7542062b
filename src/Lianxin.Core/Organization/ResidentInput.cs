using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>On update, a null <see cref="IdNumber"/> or <see cref="Phone"/> leaves the stored value as it is and an
/// empty string clears it, so a client that never saw the clear value cannot wipe it by accident.</summary>
public sealed record ResidentInput(
    string? Name,
    string? IdNumber,
    string? Phone,
    Gender? Gender,
    DateOnly? BirthDate,
    string? Address,
    Guid? OrgUnitId,
    List<string>? Tags,
    long? Version = null
);
