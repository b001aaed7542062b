namespace Lianxin.Core.Common;

/// <summary>A request the domain refuses. Endpoints turn each kind into a problem-details response
/// with the message as written here (Chinese, for the person who sent it).</summary>
public class DomainException(string message) : Exception(message);
