namespace Lianxin.Web.Access;

/// <summary>Passwords that appear at the top of every leaked list, Chinese favourites included. Both
/// password profiles refuse them whatever their length or mix.</summary>
internal static class CommonPasswords
{
    private static readonly HashSet<string> List = new(StringComparer.OrdinalIgnoreCase)
    {
        "123456", "12345678", "123456789", "1234567890", "111111", "000000", "88888888", "66666666", "11111111", "00000000",
        "password", "password1", "password123", "passw0rd", "p@ssw0rd", "p@ssword", "p@ssw0rd123", "password!", "password@123",
        "qwerty", "qwerty123", "qwertyuiop", "qwe123", "qwe123!@#", "qweasdzxc", "qazwsx", "qazwsxedc", "1qaz2wsx", "1qaz@wsx",
        "1qaz2wsx3edc", "zxcvbnm", "asdfghjkl", "abc123", "abc12345", "abcd1234", "abcd@1234", "aa123456", "a123456", "a12345678",
        "a123456789", "admin", "admin123", "admin@123", "admin1234", "administrator", "root", "root123", "test123", "test1234",
        "welcome", "welcome1", "welcome123", "iloveyou", "woaini", "woaini1314", "5201314", "1314520", "520520", "woaini520",
        "aini1314", "caonima", "wangyang", "zhang123", "wang1234", "li123456", "liu123456", "chen123456", "huang123456",
        "zhangwei", "wangwei", "123qwe", "123qweasd", "123abc", "1q2w3e4r", "1q2w3e4r5t", "q1w2e3r4", "q1w2e3r4t5", "1234qwer",
        "asd123456", "zxc123456", "123123", "123123123", "321321", "654321", "987654321", "112233", "147258369", "159357",
        "123654", "12344321", "11223344", "22222222", "33333333", "55555555", "77777777", "99999999", "88888888a",
        "Aa123456", "Aa123456!", "Aa12345678", "Aa@123456", "Abc123456", "Abc@123", "Abc@1234", "Abc@12345", "Abcd1234!",
        "Admin@123", "Admin@1234", "Admin123!", "Password1", "Password1!", "Password@1", "Password@123", "P@ssw0rd", "P@ssw0rd!",
        "Qwer1234", "Qwer1234!", "Qwe@1234", "Qq123456", "Qq123456!", "Woaini1314", "Huawei@123", "Huawei12#$", "Changeme123",
        "changeme", "letmein", "monkey", "dragon", "sunshine", "princess", "football", "baseball", "superman", "trustno1",
        "gongan110", "jingcha110", "police110", "Police@110", "Gaj@123456", "pcs123456", "lianxin", "lianxin123", "Lianxin@123",
    };

    public static bool Contains(string password) => List.Contains(password);
}
