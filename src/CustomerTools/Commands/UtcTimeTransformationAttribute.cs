using System;
using System.Management.Automation;

namespace CustomerTools.Commands;

/// <summary>
/// Lets a DateTime parameter take a DateTimeOffset (such as a customer's UpdatedAt), which
/// PowerShell can't convert by itself, as the same instant in UTC.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UtcTimeTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is DateTimeOffset time ? time.UtcDateTime : inputData;
}
