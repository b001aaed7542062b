namespace Lianxin.Core.Volunteers;

/// <summary>A staff step on a record; <see cref="Reason"/> is required for a decline, a suspension and a retirement.</summary>
public sealed record VolunteerStatusInput(VolunteerAction? Action, string? Reason, long? Version);
