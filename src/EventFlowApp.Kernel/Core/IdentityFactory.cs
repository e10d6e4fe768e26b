using System.Collections.Concurrent;
using System.Reflection;

namespace EventFlowApp.Kernel.Core;

/// <summary>Creates an identity of a type known only at run time (when reading stored events).</summary>
public static class IdentityFactory
{
    private static readonly ConcurrentDictionary<Type, Func<string, IIdentity>> Factories = new();

    public static IIdentity Create(Type identityType, string value) =>
        Factories.GetOrAdd(identityType, Build)(value);

    private static Func<string, IIdentity> Build(Type identityType)
    {
        var with = identityType.GetMethod("With", BindingFlags.Public | BindingFlags.Static | BindingFlags.FlattenHierarchy, [typeof(string)])
            ?? throw new InvalidOperationException($"{identityType.Name} is not an Identity<T>.");
        return value => (IIdentity)with.InvokeDirect(null, value)!;
    }
}
