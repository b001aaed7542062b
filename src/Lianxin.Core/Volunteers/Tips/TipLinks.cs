namespace Lianxin.Core.Volunteers.Tips;

/// <summary>The record a tip was turned into, when it was (an incident, a case or a dispute).</summary>
public sealed record TipLinks(Guid? IncidentId = null, Guid? CaseId = null, Guid? DisputeId = null);
