using System.Management.Automation;

namespace CustomerTools.Tests;

/// <summary>
/// A cmdlet for the help converter's tests (HelpBuilderTests): its parameters are the facts the
/// Get-Widget doc there is checked against and its MAML is made from. Never run.
/// </summary>
[Cmdlet(VerbsCommon.Get, "Widget", DefaultParameterSetName = "Id")]
public sealed class WidgetCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = "Id")]
    [Alias("WidgetId")]
    public string[] Id { get; set; } = [];

    [Parameter(Mandatory = true, ParameterSetName = "All")]
    public SwitchParameter All { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }
}
