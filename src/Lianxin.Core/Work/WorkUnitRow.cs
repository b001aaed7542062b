namespace Lianxin.Core.Work;

/// <summary>One unit of the leader's table: the unit (with everything below it), its count per kind key, and the sum.</summary>
public sealed record WorkUnitRow(Guid OrgUnitId, string Name, bool OwnLevel, IReadOnlyDictionary<string, int> Counts, int Total);
