namespace Lianxin.Web.Access;

public sealed record CreatedUser(UserView User, string InitialPassword);
