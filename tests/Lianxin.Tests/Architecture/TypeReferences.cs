using System.Reflection;
using System.Reflection.Emit;

namespace Lianxin.Tests.Architecture;

/// <summary>Every type a type names: in its signature (base, interfaces, fields, properties, methods, attributes)
/// and in its method bodies (the tokens of calls, field accesses, type tests, typeof). Compiler-made nested types
/// (lambdas, async state machines) report under the namespace of the type that holds them.</summary>
public static class TypeReferences
{
    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The types <paramref name="type"/> names; <paramref name="skip"/> leaves members out (by design).</summary>
    public static HashSet<Type> Of(Type type, Func<MemberInfo, bool>? skip = null)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
                return;
            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }
            if (t.IsGenericParameter)
                return;
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var a in t.GetGenericArguments())
                    Add(a);
                t = t.GetGenericTypeDefinition();
            }
            found.Add(t);
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
            Add(i);
        foreach (var a in type.CustomAttributes)
            Add(a.AttributeType);
        foreach (var m in type.GetMembers(Declared))
        {
            if (skip?.Invoke(m) == true)
                continue;
            foreach (var a in m.CustomAttributes)
                Add(a.AttributeType);
            switch (m)
            {
                case FieldInfo f:
                    Add(f.FieldType);
                    break;
                case PropertyInfo p:
                    Add(p.PropertyType);
                    break;
                case EventInfo e:
                    Add(e.EventHandlerType);
                    break;
                case MethodBase method:
                    if (method is MethodInfo mi)
                        Add(mi.ReturnType);
                    foreach (var p in method.GetParameters())
                        Add(p.ParameterType);
                    foreach (var t in BodyReferences(method))
                        Add(t);
                    break;
            }
        }
        return found;
    }

    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var body = method.GetMethodBody();
        if (body is null)
            yield break;
        foreach (var local in body.LocalVariables)
            yield return local.LocalType;
        var il = body.GetILAsByteArray() ?? [];
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE)
                value = unchecked((short)(0xFE00 | il[i++]));
            if (!OpCodesByValue.TryGetValue(value, out var op))
                yield break;
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    i += 4;
                    // Resolved in the method's own generic context; a token that cannot be resolved throws and
                    // fails the test, since a reference the rules cannot see would let a broken rule pass.
                    var member = method.Module.ResolveMember(token, typeArgs, methodArgs);
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case FieldInfo f:
                            if (f.DeclaringType is { } fd)
                                yield return fd;
                            yield return f.FieldType;
                            break;
                        case MethodBase mb:
                            if (mb.DeclaringType is { } md)
                                yield return md;
                            if (mb is MethodInfo { IsGenericMethod: true } g)
                                foreach (var a in g.GetGenericArguments())
                                    yield return a;
                            break;
                    }
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
