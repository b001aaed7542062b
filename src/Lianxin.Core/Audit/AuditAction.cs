namespace Lianxin.Core.Audit;

public static class AuditAction
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string LockedOut = "locked-out";
    public const string PasswordChanged = "password-changed";
    public const string SessionsEnded = "sessions-ended";
    public const string SessionRefused = "session-refused";
    public const string TokenRefreshed = "token-refreshed";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Reveal = "reveal";
    public const string Export = "export";
    public const string Import = "import";
    public const string Purge = "purge";
    public const string LinkIssued = "link-issued";
    public const string ReceiverReply = "receiver-reply";
    public const string Print = "print";

    /// <summary>A signed-in user was refused something their rights or scope do not cover.</summary>
    public const string Refused = "refused";

    /// <summary>Every action, in the order the audit page offers them as a filter.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignIn,
        SignInFailed,
        SignOut,
        LockedOut,
        PasswordChanged,
        SessionsEnded,
        SessionRefused,
        TokenRefreshed,
        Refused,
        Create,
        Update,
        Delete,
        Reveal,
        Export,
        Import,
        Print,
        LinkIssued,
        ReceiverReply,
        Purge,
    ];

    public static string Label(string action) =>
        action switch
        {
            SignIn => "登录",
            SignInFailed => "登录失败",
            SignOut => "退出",
            LockedOut => "账号锁定",
            PasswordChanged => "修改密码",
            SessionsEnded => "会话失效",
            SessionRefused => "拒绝已失效的会话",
            TokenRefreshed => "令牌续期",
            Create => "新增",
            Update => "修改",
            Delete => "删除",
            Reveal => "查看敏感信息",
            Export => "导出",
            Import => "导入",
            Purge => "清理过期日志",
            LinkIssued => "签发外部链接",
            ReceiverReply => "接收单位反馈",
            Print => "打印",
            Refused => "越权被拒",
            _ => action,
        };
}
