using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents.Import;

/// <summary>A file larger than the import accepts: 413.</summary>
public sealed class PayloadTooLargeException(string message) : DomainException(message);
