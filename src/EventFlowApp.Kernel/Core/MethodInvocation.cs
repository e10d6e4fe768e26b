using System.Reflection;

namespace EventFlowApp.Kernel.Core;

internal static class MethodInvocation
{
    /// <summary>
    /// Calls a method found by reflection and lets its exception through as thrown
    /// (<see cref="BindingFlags.DoNotWrapExceptions"/>), so a handler that throws before returning its task
    /// fails, or cancels, exactly like one that fails inside it: no TargetInvocationException to unwrap.
    /// </summary>
    public static object? InvokeDirect(this MethodInfo method, object? target, params object?[] arguments) =>
        method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
}
