using System.Text;

namespace NeuroNav.Fetch.Tests.Gpt4;

/// <summary>Literal OpenAI files: the examples of docs/sources/gpt4.md#the-five-datasets byte for byte, and variants with the quirks of docs/sources/gpt4.md#variants-the-parser-accepts.</summary>
internal static class Gpt4Files
{
    /// <summary>The example of docs/sources/gpt4.md#explanations, compact orjson style, with dataclass_name everywhere.</summary>
    public const string Explanations = """
        {"dataclass_name":"NeuronSimulationResults","neuron_id":{"dataclass_name":"NeuronId","layer_index":0,"neuron_index":7},"scored_explanations":[{"dataclass_name":"ScoredExplanation","explanation":"the word \"York\" in the phrase \"New York\"","scored_simulation":{"dataclass_name":"ScoredSimulation","scored_sequence_simulations":[{"dataclass_name":"ScoredSequenceSimulation","simulation":{"dataclass_name":"SequenceSimulation","tokens":[" New"," York"],"expected_activations":[0.21,7.8],"activation_scale":"neuron_activations","distribution_values":[[0.0,1.0],[10.0,8.0,0.0]],"distribution_probabilities":[[0.79,0.21],[0.6,0.3,0.1]],"uncalibrated_simulation":{"dataclass_name":"SequenceSimulation","tokens":[" New"," York"],"expected_activations":[0.21,7.8],"activation_scale":"simulated_normalized_activations","distribution_values":[[0.0,1.0],[10.0,8.0,0.0]],"distribution_probabilities":[[0.79,0.21],[0.6,0.3,0.1]],"uncalibrated_simulation":null}},"true_activations":[0.0,4.5],"ev_correlation_score":1.0,"rsquared_score":-1.12,"absolute_dev_explained_score":0.1}],"ev_correlation_score":0.62,"rsquared_score":0.31,"absolute_dev_explained_score":0.27}}]}
        """;

    /// <summary>No dataclass_name, the older names (scored_explanation_or_baseline_list, explanation_or_baseline, unit, response),
    /// bare NaN / Infinity / -Infinity scores, an empty distribution, two explanations, blank and trailing lines, CRLF.</summary>
    public const string OldNamesJsonl = "\r\n\n{\"neuron_id\":{\"layer_index\":3,\"neuron_index\":12},\"scored_explanation_or_baseline_list\":["
        + "{\"explanation_or_baseline\":\"commas in lists\",\"scored_simulation\":{\"scored_sequence_simulations\":["
        + "{\"simulation\":{\"tokens\":[\"a\",\",\",\"\\n\"],\"expected_activations\":[0.0,NaN,0.0],\"unit\":\"neuron_activations\",\"response\":{\"x\":1},"
        + "\"distribution_values\":[[0.0],[10.0,2.0],[]],\"distribution_probabilities\":[[1.0],[0.5,0.5],[]],\"uncalibrated_simulation\":null},"
        + "\"true_activations\":[0.0,3.5,-0.17],\"ev_correlation_score\":NaN,\"rsquared_score\":-Infinity,\"absolute_dev_explained_score\":Infinity}],"
        + "\"ev_correlation_score\":null,\"rsquared_score\":-1234.5,\"absolute_dev_explained_score\":null}},"
        + "{\"explanation_or_baseline\":\"punctuation\",\"scored_simulation\":{\"scored_sequence_simulations\":[],\"ev_correlation_score\":0.11}}"
        + "]}\r\n\r\n\n";

    /// <summary>The newest names (sequence_simulation, activation_scale) without dataclass_name.</summary>
    public const string NewNames = """
        {"neuron_id":{"layer_index":0,"neuron_index":7},"scored_explanations":[{"explanation":"NaN and Infinity","scored_simulation":{"scored_sequence_simulations":[{"sequence_simulation":{"tokens":["NaN"," Infinity"],"expected_activations":[1,2],"activation_scale":"neuron_activations","distribution_values":[[],[]],"distribution_probabilities":[[],[]],"uncalibrated_simulation":null},"true_activations":[null,1e-6],"ev_correlation_score":0.5,"rsquared_score":0.25,"absolute_dev_explained_score":0.125}],"ev_correlation_score":0.5,"rsquared_score":0.25,"absolute_dev_explained_score":0.125}}]}

        """;

    /// <summary>The example of docs/sources/gpt4.md#collated-activations (values invented there), compact.</summary>
    public const string NeuronRecordFile = """
        {"dataclass_name":"NeuronRecord","neuron_id":{"dataclass_name":"NeuronId","layer_index":0,"neuron_index":7},"random_sample":[{"dataclass_name":"ActivationRecord","tokens":[" the"," cat"],"activations":[0.0,-0.02]}],"random_sample_by_quantile":[[{"dataclass_name":"ActivationRecord","tokens":["A"," b"],"activations":[-0.1,0.0]}],[{"dataclass_name":"ActivationRecord","tokens":["C"],"activations":[0.2]}],[{"dataclass_name":"ActivationRecord","tokens":["D"],"activations":[0.9]}],[{"dataclass_name":"ActivationRecord","tokens":["E"],"activations":[1.5]}],[{"dataclass_name":"ActivationRecord","tokens":["F"],"activations":[2.4]}]],"quantile_boundaries":[0.31,0.87,1.42,2.01],"mean":0.0123,"variance":0.0456,"skewness":3.21,"kurtosis":24.5,"most_positive_activation_records":[{"dataclass_name":"ActivationRecord","tokens":[" New"," York"," café"],"activations":[0.0,4.5,0.25]}]}
        """;

    /// <summary>A NeuronRecord with NaN statistics written as null and bare NaN, null-padded boundaries, no quantile sample.</summary>
    public const string NeuronRecordWithNulls = """
        {"neuron_id":{"layer_index":0,"neuron_index":7},"random_sample":[],"random_sample_by_quantile":null,"quantile_boundaries":[0.5,null,null,NaN],"mean":null,"variance":NaN,"skewness":null,"kurtosis":null,"most_positive_activation_records":[{"tokens":["x"],"activations":[null]}]}
        """;

    /// <summary>The shape of docs/sources/gpt4.md#related-neurons for layer 0: no upstream (c_fc null).</summary>
    public const string RelatedNeuronsFile = """
        {"c_fc":null,"c_proj":{"top_positive_neurons":["1_5","47_6399"],"top_positive_weights":[0.52,NaN],"top_negative_neurons":["2_0"],"top_negative_weights":[-0.31]}}
        """;

    /// <summary>The example of related tokens by activation in docs/sources/gpt4.md#related-tokens, with a null value.</summary>
    public const string TokensByActivation = """
        {"dataclass_name":"TokenLookupTableSummaryOfNeuron","tokens":[" York"," Yorker","\ufffd"],"average_activations":[3.91,2.05,null]}
        """;

    /// <summary>The example of related tokens by weight in docs/sources/gpt4.md#related-tokens.</summary>
    public const string TokensByWeight = """
        {"dataclass_name":"WeightBasedSummaryOfNeuron","input_positive":{"dataclass_name":"TokensAndWeights","tokens":[" York"],"strengths":[0.52]},"input_negative":{"dataclass_name":"TokensAndWeights","tokens":[" the"],"strengths":[-0.31]},"output_positive":{"dataclass_name":"TokensAndWeights","tokens":[" City"],"strengths":[0.44]},"output_negative":{"dataclass_name":"TokensAndWeights","tokens":[" Times"],"strengths":[-0.12]}}
        """;

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
