using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Tips;

/// <summary>Too many tries in a short time: 429.</summary>
public sealed class TooManyRequestsException(string message) : DomainException(message);
