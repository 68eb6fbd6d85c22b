using System;
using System.Linq;
using System.Management.Automation;
using CustomerTools.HelpBuilder;
using Xunit;

namespace CustomerTools.Tests;

/// <summary>
/// The help converter takes the parameter facts from the compiled cmdlet, as PowerShell binds
/// them: sets, types, mandatory, position, pipeline binding, aliases, wildcards, paging.
/// </summary>
public sealed class CommandFactsTests
{
    [Fact]
    public void A_parameter_in_two_sets_has_the_facts_of_both()
    {
        ParameterFacts name = Facts().Parameters.Single(p => p.Name == "Name");

        Assert.Equal("String", name.Type);
        Assert.False(name.IsSwitch);
        Assert.Equal(new[] { "ByName", "Other" }, name.Sets.Order(StringComparer.Ordinal));
        Assert.Equal(new[] { "N", "GadgetName" }, name.Aliases);
        Assert.True(name.Required); // mandatory in one of its sets
        Assert.Equal(0, name.Position); // the first it takes in any set
        Assert.Equal("True (ByPropertyName)", name.PipelineInput);
        Assert.True(name.Globbing);
        Assert.False(name.InSet("Environment"));
    }

    [Fact]
    public void A_parameter_of_no_named_set_is_in_every_set_and_named()
    {
        ParameterFacts force = Facts().Parameters.Single(p => p.Name == "Force");

        Assert.Empty(force.Sets);
        Assert.True(force.InSet("Environment") && force.InSet("ByName"));
        Assert.Equal(("SwitchParameter", true, false, "named", "False", false), (force.Type, force.IsSwitch, force.Required, force.PositionText, force.PipelineInput, force.Globbing));
        Assert.Empty(force.Aliases);
    }

    [Fact]
    public void The_sets_are_the_default_first_even_without_parameters_then_the_named_ones()
    {
        CommandFacts gadget = Facts();

        Assert.Equal("Set-Gadget", gadget.Name);
        Assert.Equal("Environment", gadget.DefaultSet);
        Assert.Equal(new[] { "Environment", "ByName", "Other" }, gadget.Sets);
    }

    [Fact]
    public void Paging_parameters_are_the_cmdlets_own_and_common_parameters_are_not()
    {
        string[] names = Facts().Parameters.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(new[] { "First", "Force", "IncludeTotalCount", "Name", "Skip", "Value" }, names);
        Assert.Equal("UInt64", Facts().Parameters.Single(p => p.Name == "First").Type);
    }

    [Fact]
    public void A_value_from_the_pipeline_both_ways_says_so()
    {
        ParameterFacts value = Facts().Parameters.Single(p => p.Name == "Value");

        Assert.Equal("True (ByPropertyName, ByValue)", value.PipelineInput);
        Assert.Equal("Object[]", value.Type);
        Assert.Equal(new[] { "Other" }, value.Sets);
        Assert.False(value.Required);
        Assert.Null(value.Position);
    }

    [Fact]
    public void A_cmdlet_without_named_sets_has_one_set_and_only_public_cmdlets_count()
    {
        Assert.Equal(new[] { string.Empty }, CommandFacts.From(typeof(WidgetlessCommand)).Sets);
        Assert.Equal(new[] { "Get-Widget" }, CommandFacts.Read(typeof(CommandFactsTests).Assembly).Keys);
        Assert.Throws<ArgumentException>(() => CommandFacts.From(typeof(CommandFactsTests)));
    }

    private static CommandFacts Facts() => CommandFacts.From(typeof(GadgetCommand));

    [Cmdlet(VerbsCommon.Set, "Gadget", DefaultParameterSetName = "Environment", SupportsPaging = true, SupportsShouldProcess = true)]
    private sealed class GadgetCommand : PSCmdlet
    {
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true, ParameterSetName = "ByName")]
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = "Other")]
        [Alias("N", "GadgetName")]
        [SupportsWildcards]
        public string Name { get; set; } = string.Empty;

        [Parameter(ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "Other")]
        public object[] Value { get; set; } = [];

        [Parameter]
        public SwitchParameter Force { get; set; }
    }

    [Cmdlet(VerbsCommon.Clear, "Widget")]
    private sealed class WidgetlessCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        public string Name { get; set; } = string.Empty;
    }
}
