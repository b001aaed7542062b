namespace Lianxin.Core.Common;

public enum Gender { Unknown, Male, Female }
