using AcousticDistill.Acoustic.Corpus;
using AcousticDistill.Acoustic.Distillation;
using AcousticDistill.Acoustic.Features;
using AcousticDistill.Acoustic.Phones;
using AcousticDistill.Acoustic.Training;
using TorchSharp;

namespace AcousticDistill.Grains.Tests.Fixtures;

/// <summary>Trains two tiny teachers on a corpus and saves them as an ensemble folder (hash-indexed members).</summary>
internal static class TinyEnsemble
{
    public static void Train(string corpusDirectory, string ensembleDirectory, int members = 2)
    {
        var features = new FbankOptions { SampleFrequency = ToneCorpus.SampleRate, NumMelBins = 20 };
        var manifest = CorpusManifest.Load(corpusDirectory);
        var train = CorpusFeatureLoader.Load(corpusDirectory, manifest, CorpusSplit.Train, features);
        var dev = CorpusFeatureLoader.Load(corpusDirectory, manifest, CorpusSplit.Dev, features);
        using var data = PreparedCorpus.Create(manifest.Name, train, dev, features, context: 2);
        Directory.CreateDirectory(ensembleDirectory);
        var files = new List<string>();
        for (var m = 0; m < members; m++)
        {
            var options = new TrainingOptions { Epochs = 4, Seed = 10 + m, Schedule = "constant", LearningRate = 0.05 };
            var architecture = new MlpArchitecture(data.Train.FeatureDim, data.Context, 1, 48, 0.0, PhoneSet.ClassCount);
            torch.manual_seed(options.Seed);
            using var model = new FrameClassifier(architecture);
            var report = new FrameTrainer(options).Train(model, data.Train, new HardLabelObjective(data.Train), data.Dev);
            model.to(torch.CPU);
            var metadata = TrainedModelMetadata.Create(data, architecture, report, "tones-16k", ModelLineage.Baseline(manifest.Name, options.Seed));
            var file = EnsembleDirectory.MemberFileName(m);
            ModelArtifact.Save(Path.Combine(ensembleDirectory, file), model, metadata);
            files.Add(file);
        }
        EnsembleDirectory.WriteIndex(ensembleDirectory, files);
    }
}
