using NeuroNav.Fetch.Gpt4;
using static NeuroNav.Fetch.Tests.Gpt4.Gpt4Files;

namespace NeuroNav.Fetch.Tests.Gpt4;

public sealed class Gpt4ParserTests
{
    private const string Url = "https://example.test/neuron-explainer/data/explanations/0/7.jsonl";

    [Fact]
    public void Parser_reads_the_documented_explanations_example()
    {
        var results = Gpt4Parser.ParseExplanations(Bytes(Explanations), Url);

        Assert.Equal(new Gpt4NeuronId(0, 7), results.NeuronId);
        var top = Assert.Single(results.ScoredExplanations);
        Assert.Equal("the word \"York\" in the phrase \"New York\"", top.Explanation);
        Assert.Equal(0.62, top.ScoredSimulation.EvCorrelationScore);
        Assert.Equal(0.31, top.ScoredSimulation.RSquaredScore);
        Assert.Equal(0.27, top.ScoredSimulation.AbsoluteDevExplainedScore);
        var sequence = Assert.Single(top.ScoredSimulation.ScoredSequenceSimulations);
        Assert.Equal([" New", " York"], sequence.Simulation.Tokens);
        Assert.Equal([0.21f, 7.8f], sequence.Simulation.ExpectedActivations);
        Assert.Equal([0f, 4.5f], sequence.TrueActivations);
        Assert.Equal(-1.12, sequence.RSquaredScore);
        Assert.Equal("neuron_activations", sequence.Simulation.ActivationScale);
        Assert.Equal([10f, 8f, 0f], sequence.Simulation.DistributionValues[1]);
        Assert.Equal("simulated_normalized_activations", sequence.Simulation.UncalibratedSimulation!.ActivationScale);
        Assert.Null(sequence.Simulation.UncalibratedSimulation.UncalibratedSimulation);
    }

    [Fact]
    public void Parser_accepts_old_field_names_without_dataclass_name_in_jsonl_with_blank_and_trailing_lines()
    {
        var results = Gpt4Parser.ParseExplanations(Bytes(OldNamesJsonl), Url);

        Assert.Equal(new Gpt4NeuronId(3, 12), results.NeuronId);
        Assert.Equal(["commas in lists", "punctuation"], results.ScoredExplanations.Select(e => e.Explanation));
        var sequence = Assert.Single(results.ScoredExplanations[0].ScoredSimulation.ScoredSequenceSimulations);
        Assert.Equal(["a", ",", "\n"], sequence.Simulation.Tokens);
        Assert.Equal("neuron_activations", sequence.Simulation.ActivationScale);
        Assert.Equal(-0.17f, sequence.TrueActivations[2]);
        Assert.Empty(results.ScoredExplanations[1].ScoredSimulation.ScoredSequenceSimulations);
        Assert.Equal(0.11, results.ScoredExplanations[1].ScoredSimulation.EvCorrelationScore);
    }

    [Fact]
    public void Parser_treats_null_bare_NaN_and_Infinity_scores_as_null()
    {
        var first = Gpt4Parser.ParseExplanations(Bytes(OldNamesJsonl), Url).ScoredExplanations[0].ScoredSimulation;
        var sequence = first.ScoredSequenceSimulations[0];

        Assert.Null(first.EvCorrelationScore);
        Assert.Equal(-1234.5, first.RSquaredScore);
        Assert.Null(first.AbsoluteDevExplainedScore);
        Assert.Null(sequence.EvCorrelationScore);
        Assert.Null(sequence.RSquaredScore);
        Assert.Null(sequence.AbsoluteDevExplainedScore);
        Assert.True(float.IsNaN(sequence.Simulation.ExpectedActivations[1]));
    }

    [Fact]
    public void Parser_accepts_empty_distribution_values()
    {
        var sequence = Gpt4Parser.ParseExplanations(Bytes(OldNamesJsonl), Url).ScoredExplanations[0].ScoredSimulation.ScoredSequenceSimulations[0];

        Assert.Empty(sequence.Simulation.DistributionValues[2]);
        Assert.Empty(sequence.Simulation.DistributionProbabilities[2]);
        Assert.Equal([0.5f, 0.5f], sequence.Simulation.DistributionProbabilities[1]);
    }

    [Fact]
    public void Parser_accepts_the_newest_field_names_and_leaves_NaN_inside_strings_alone()
    {
        var results = Gpt4Parser.ParseExplanations(Bytes(NewNames), Url);

        var top = Assert.Single(results.ScoredExplanations);
        Assert.Equal("NaN and Infinity", top.Explanation);
        var sequence = Assert.Single(top.ScoredSimulation.ScoredSequenceSimulations);
        Assert.Equal(["NaN", " Infinity"], sequence.Simulation.Tokens);
        Assert.True(float.IsNaN(sequence.TrueActivations[0]));
        Assert.Equal(1e-6f, sequence.TrueActivations[1]);
        Assert.Equal(0.125, sequence.AbsoluteDevExplainedScore);
    }

    [Fact]
    public void Parser_strips_a_byte_order_mark()
    {
        var bytes = (byte[])[0xEF, 0xBB, 0xBF, .. Bytes(Explanations)];
        Assert.Single(Gpt4Parser.ParseExplanations(bytes, Url).ScoredExplanations);
    }

    [Fact]
    public void Parser_rejects_two_json_lines_naming_the_url()
    {
        var e = Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseExplanations(Bytes(Explanations + "\n" + Explanations), Url));
        Assert.StartsWith(Url + ": not one JSON value", e.Message, StringComparison.Ordinal);
        Assert.Equal(Url, e.Origin);
    }

    [Fact]
    public void Parser_rejects_an_empty_file_and_a_truncated_one()
    {
        Assert.Contains("empty", Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseExplanations(Bytes("\n\n"), Url)).Message, StringComparison.Ordinal);
        Assert.StartsWith(Url, Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseExplanations(Bytes(Explanations[..200]), Url)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_tokens_and_activations_of_different_lengths_naming_the_field()
    {
        var broken = Explanations.Replace("\"true_activations\":[0.0,4.5]", "\"true_activations\":[0.0]", StringComparison.Ordinal);
        var e = Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseExplanations(Bytes(broken), Url));
        Assert.Contains("scored_explanations[0].scored_simulation.scored_sequence_simulations[0].true_activations has 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_rejects_a_file_of_another_dataset()
    {
        var e = Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseExplanations(Bytes(TokensByWeight), Url));
        Assert.Contains("scored_explanations", e.Message, StringComparison.Ordinal);
        Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseNeuronRecord(Bytes(RelatedNeuronsFile), Url));
        Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseRelatedNeurons(Bytes(TokensByActivation), Url));
    }

    [Fact]
    public void Parser_reads_the_documented_neuron_record_example()
    {
        var record = Gpt4Parser.ParseNeuronRecord(Bytes(NeuronRecordFile), Url);

        Assert.Equal(new Gpt4NeuronId(0, 7), record.NeuronId);
        Assert.Equal([" New", " York", " café"], record.MostPositiveActivationRecords[0].Tokens);
        Assert.Equal(5, record.RandomSampleByQuantile.Count);
        Assert.Equal(["F"], record.RandomSampleByQuantile[4][0].Tokens);
        Assert.Equal([0.31, 0.87, 1.42, 2.01], record.QuantileBoundaries.Select(q => q!.Value));
        Assert.Equal(0.0123, record.Mean);
        Assert.Equal(24.5, record.Kurtosis);
        Assert.Equal(-0.02f, record.RandomSample[0].Activations[1]);
    }

    [Fact]
    public void Parser_reads_null_statistics_null_padded_boundaries_and_a_null_quantile_sample()
    {
        var record = Gpt4Parser.ParseNeuronRecord(Bytes(NeuronRecordWithNulls), Url);

        Assert.Null(record.Mean);
        Assert.Null(record.Variance);
        Assert.Equal([0.5, null, null, null], record.QuantileBoundaries);
        Assert.Empty(record.RandomSampleByQuantile);
        Assert.True(float.IsNaN(record.MostPositiveActivationRecords[0].Activations[0]));
    }

    [Fact]
    public void Parser_reads_related_neurons_with_null_c_fc()
    {
        var related = Gpt4Parser.ParseRelatedNeurons(Bytes(RelatedNeuronsFile), Url);

        Assert.Null(related.Upstream);
        Assert.Equal([new ConnectedNeuron(1, 5, 0.52), new ConnectedNeuron(47, 6399, null)], related.Downstream!.TopPositive);
        Assert.Equal([new ConnectedNeuron(2, 0, -0.31)], related.Downstream.TopNegative);
    }

    [Fact]
    public void Parser_rejects_a_related_neuron_id_that_is_not_layer_underscore_neuron()
    {
        var e = Assert.Throws<Gpt4FormatException>(() => Gpt4Parser.ParseRelatedNeurons(Bytes(RelatedNeuronsFile.Replace("\"2_0\"", "\"l2n0\"", StringComparison.Ordinal)), Url));
        Assert.Contains("c_proj.top_negative_neurons[0] = 'l2n0'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_reads_related_tokens_by_activation_with_a_null_average()
    {
        var tokens = Gpt4Parser.ParseRelatedTokensByActivation(Bytes(TokensByActivation), Url);

        Assert.Equal([" York", " Yorker", "\ufffd"], tokens.Tokens);
        Assert.Equal([3.91, 2.05, null], tokens.AverageActivations);
    }

    [Fact]
    public void Parser_reads_related_tokens_by_weight()
    {
        var tokens = Gpt4Parser.ParseRelatedTokensByWeight(Bytes(TokensByWeight), Url);

        Assert.Equal([" York"], tokens.InputPositive.Tokens);
        Assert.Equal([-0.31], tokens.InputNegative.Strengths);
        Assert.Equal([" City"], tokens.OutputPositive.Tokens);
        Assert.Equal([-0.12], tokens.OutputNegative.Strengths);
    }
}
