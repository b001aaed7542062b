using Lianxin.Core.Common;

namespace Lianxin.Tests.Demo;

internal static class DemoTestSupport
{
    /// <summary>Fixed keys so ciphertexts from one build can be revealed by another protector in the test.</summary>
    public static PersonalDataProtector Protector() =>
        new(
            new PersonalDataOptions
            {
                EncryptionKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
                BlindIndexKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray()),
            }
        );
}
