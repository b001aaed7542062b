namespace Lianxin.Core.Data;

/// <summary>One item of an owned collection with the entity that owns it.</summary>
public sealed record OwnedRow(object Owner, object Item);
