#!/usr/bin/env python3
"""Translation speed, side by side in one run: transformers vs the project's backends vs bare
CTranslate2, on random-weight Marian models at the real dimensions of both configured models.

Random weights never choose </s> here (its output bias is set to -1e4), so every engine
generates exactly the same number of tokens per sentence: the work real weights would do on
sentences of that length. Each engine runs in its own process, which gives a clean peak memory
figure and keeps torch out of the CTranslate2 processes.

    python bench/translate_speed.py            # both models, 32 sentences (several minutes)
    python bench/translate_speed.py --quick    # base model, 16 sentences (under 2 minutes)

The last line is machine-readable:
    ratio_vs_transformers_batched=X.X overhead_vs_bare_ct2=Y.YY
Timings on shared machines are noisy: compare the ratios within one run, not absolute seconds.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))

# name -> (MarianConfig fields of the real model, models.yaml name)
MODELS: dict[str, dict[str, Any]] = {
    "opus-mt-ar-en": dict(
        d_model=512,
        encoder_attention_heads=8,
        decoder_attention_heads=8,
        encoder_ffn_dim=2048,
        decoder_ffn_dim=2048,
        vocab_size=62834,
        max_position_embeddings=512,
        activation_function="swish",
    ),
    "opus-mt-tc-big-ar-en": dict(
        d_model=1024,
        encoder_attention_heads=16,
        decoder_attention_heads=16,
        encoder_ffn_dim=4096,
        decoder_ffn_dim=4096,
        vocab_size=61109,
        max_position_embeddings=1024,
        activation_function="relu",
    ),
}
ENGINES = ("hf_single", "hf_batched", "project_torch", "project_ct2", "bare_ct2")
LABELS = {
    "hf_single": "transformers, one sentence at a time",
    "hf_batched": "transformers, sorted batches of 16",
    "project_torch": "project, torch backend",
    "project_ct2": "project, ct2 backend (int8, default)",
    "bare_ct2": "bare CTranslate2 translate_batch (int8)",
}
BATCH = 16


# --- building the models ------------------------------------------------------------------------


def build_model(target: Path, dims: dict[str, Any], eos_bias: float) -> Path:
    """A random Marian model at `dims`, with a SentencePiece tokenizer and an OPUS-MT-style
    vocabulary padded to the real size (</s> 0, <unk> 1, pieces, fillers, <pad> last)."""
    import torch
    from tinymodels import build_tokenizer_files
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    spm_file, vocab_file = build_tokenizer_files(target.parent / f"{target.name}-spm")
    vocab = json.loads(vocab_file.read_text("utf-8"))
    pad = vocab.pop("<pad>")
    size = dims["vocab_size"]
    for index in range(pad, size - 1):
        vocab[f"▁filler{index}"] = index
    vocab["<pad>"] = size - 1
    vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), "utf-8")
    tokenizer = MarianTokenizer(str(spm_file), str(spm_file), str(vocab_file))
    config = MarianConfig(
        **dims,
        encoder_layers=6,
        decoder_layers=6,
        pad_token_id=size - 1,
        eos_token_id=0,
        decoder_start_token_id=size - 1,
        forced_eos_token_id=0,
        scale_embedding=True,
    )
    torch.manual_seed(0)
    model = MarianMTModel(config)
    with torch.no_grad():
        model.final_logits_bias[0, 0] = eos_bias
    model.save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target


def sentences(count: int) -> list[str]:
    """News-length Arabic sentences (20 to 40 words) made of the fixture corpus's words."""
    words = [
        w
        for line in (REPO / "tests" / "fixtures" / "corpus.txt").read_text("utf-8").splitlines()
        for w in line.split()
        if any("\u0600" <= c <= "\u06ff" for c in w)
    ]
    rng = random.Random(7)
    return [
        " ".join(rng.choice(words) for _ in range(rng.randint(20, 40))) + "." for _ in range(count)
    ]


# --- the engines (each in its own process) ------------------------------------------------------


def _project_spec(model_dir: Path, beam: int, length: int, longest: int = 256) -> Any:
    from summarize.config import TranslatorSpec

    # A token budget of 16 x the longest sentence: batches of 16, as the other engines get.
    return TranslatorSpec(
        name="bench",
        id=str(model_dir),
        beam_size=beam,
        max_input_tokens=256,
        max_new_tokens=length,
        batch_tokens=BATCH * longest,
        length_ratio=100.0,
        length_slack=1000,
    )


def _peak_mb() -> float:
    """Peak resident memory of this process since its exec (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_engine(
    engine: str, model_dir: Path, texts: list[str], beam: int, length: int, threads: int
) -> dict[str, float]:
    """Translate `texts`; returns seconds, generated tokens and peak memory."""
    started = time.perf_counter()
    if engine.startswith("hf"):
        import torch
        from transformers import MarianMTModel, MarianTokenizer

        torch.set_num_threads(threads)
        tokenizer = MarianTokenizer.from_pretrained(model_dir)
        model = MarianMTModel.from_pretrained(model_dir).eval()
        loaded = time.perf_counter()
        if engine == "hf_single":
            groups = [[t] for t in texts]
        else:
            ordered = sorted(texts, key=lambda t: -len(tokenizer(t).input_ids))
            groups = [ordered[i : i + BATCH] for i in range(0, len(ordered), BATCH)]
        tokens = 0
        with torch.inference_mode():
            for group in groups:
                batch = tokenizer(group, return_tensors="pt", padding=True)
                out = model.generate(
                    **batch, num_beams=beam, do_sample=False, max_new_tokens=length
                )
                generated = out[:, 1:]
                keep = (generated != tokenizer.pad_token_id) & (generated != tokenizer.eos_token_id)
                tokens += int(keep.sum())
    elif engine.startswith("project"):
        import summarize.translation.translator as translator_module
        from summarize.translation.base import EngineOptions
        from summarize.translation.translator import Translator

        # Random weights never end a sentence, so every output would look like a loop and be
        # decoded twice; real weights end theirs. Detection still runs; the re-decode does not.
        detect = translator_module.degenerate_reason

        def no_redecode(*args: Any) -> None:
            detect(*args)
            return None

        translator_module.degenerate_reason = no_redecode  # type: ignore[assignment]
        backend = "torch" if engine == "project_torch" else "ct2"
        options = EngineOptions(device="cpu", backend=backend, threads=threads)
        translator = Translator(_project_spec(model_dir, beam, length), options)
        longest = max(translator.backend.count_tokens(texts))
        translator.spec = _project_spec(model_dir, beam, length, longest)
        loaded = time.perf_counter()
        results = translator.translate(texts)
        # every sentence is one piece and gets the forced length: length - 1 tokens and </s>
        tokens = sum(r.pieces for r in results) * (length - 1)
    else:
        import ctranslate2
        import sentencepiece as spm

        from summarize.translation.ct2_backend import converted_dir

        spec = _project_spec(model_dir, beam, length)
        path = converted_dir(spec, "int8")
        # The layout the project's ct2 backend uses on CPU: one worker per thread, batches of
        # at most 16 split so that every worker has one.
        translator = ctranslate2.Translator(
            str(path), device="cpu", compute_type="int8", inter_threads=threads, intra_threads=1
        )
        sp = spm.SentencePieceProcessor(model_file=str(path / "source.spm"))
        loaded = time.perf_counter()
        pieces = [[*sp.encode(t, out_type=str), "</s>"] for t in texts]
        results = translator.translate_batch(
            pieces,
            beam_size=beam,
            max_batch_size=min(BATCH, -(-len(texts) // threads)),
            max_decoding_length=length - 1,
            min_decoding_length=0,
        )
        tokens = sum(len(r.hypotheses[0]) for r in results)
    finished = time.perf_counter()
    peak = _peak_mb()
    return {
        "seconds": finished - loaded,
        "load_seconds": loaded - started,
        "tokens": tokens,
        "peak_mb": peak,
    }


def _worker(args: argparse.Namespace) -> None:
    texts = json.loads(Path(args.sentences).read_text("utf-8"))
    result = run_engine(
        args.worker, Path(args.model_dir), texts, args.beam, args.length, args.threads
    )
    print(json.dumps(result))


def _spawn(
    engine: str,
    model_dir: Path,
    texts_file: Path,
    beam: int,
    length: int,
    threads: int,
    env: dict[str, str],
) -> dict[str, float]:
    command = [
        sys.executable,
        __file__,
        "--worker",
        engine,
        "--model-dir",
        str(model_dir),
        "--sentences",
        str(texts_file),
        "--beam",
        str(beam),
        "--length",
        str(length),
        "--threads",
        str(threads),
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# --- start-up, quality ------------------------------------------------------------------------


def help_startup(env: dict[str, str], runs: int = 7) -> float:
    """Median wall time of `summarize --help` (the CLI layer only: no model, no data files)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "summarize", "--help"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def cli_startup(
    model_dir: Path, article: Path, threads: int, env: dict[str, str]
) -> tuple[float, float]:
    """Wall time and peak memory of `summarize translate ARTICLE` with a converted model."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    command = [
        sys.executable,
        "-c",
        probe,
        sys.executable,
        "-m",
        "summarize",
        "translate",
        str(article),
        "--model",
        str(model_dir),
        "--backend",
        "ct2",
        "--threads",
        str(threads),
        "--quiet",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    seconds, peak = done.stdout.split()
    return float(seconds), float(peak)


def int8_vs_float32(workdir: Path, env: dict[str, str]) -> str:
    """Greedy outputs of the tiny test model, converted to int8 and to float32."""
    os.environ.update(env)
    from tinymodels import build_tiny_marian

    from summarize.config import TranslatorSpec
    from summarize.translation.base import DecodeParams, EngineOptions
    from summarize.translation.loader import load_backend

    tiny = build_tiny_marian(workdir / "tiny")
    spec = TranslatorSpec(name="tiny", id=str(tiny), beam_size=1, max_new_tokens=48)
    corpus = (REPO / "tests" / "fixtures" / "corpus.txt").read_text("utf-8").splitlines()
    texts = [line for line in corpus if line.strip()]
    params = DecodeParams(beam_size=1, max_new_tokens=48)
    outputs = {
        compute: load_backend(spec, EngineOptions("cpu", "ct2", compute)).translate_batch(
            texts, params
        )
        for compute in ("float32", "int8")
    }
    same = sum(
        a.token_ids == b.token_ids for a, b in zip(outputs["float32"], outputs["int8"], strict=True)
    )
    agree = sum(
        sum(x == y for x, y in zip(a.token_ids, b.token_ids, strict=False))
        for a, b in zip(outputs["float32"], outputs["int8"], strict=True)
    )
    total = (
        sum(
            max(len(a.token_ids), len(b.token_ids))
            for a, b in zip(outputs["float32"], outputs["int8"], strict=True)
        )
        or 1
    )
    return (
        f"tiny test model, greedy, {len(texts)} sentences: int8 output identical to float32 "
        f"for {same}/{len(texts)}, token agreement {agree / total:.1%} (random weights say "
        "little about real quality: CTranslate2 reports BLEU 27.65 int8 vs 27.92 float for "
        "OPUS-MT en-de)"
    )


# --- main -------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="base model, fewer sentences")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--length", type=int, default=0, help="forced output tokens")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--model-dir", help=argparse.SUPPRESS)
    parser.add_argument("--sentences", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args)
        return
    count = 16 if args.quick else 32
    length = args.length or (32 if args.quick else 48)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="summarize-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    env = {
        **os.environ,
        "SUMMARIZE_CACHE": str(workdir / "cache"),
        "HF_HUB_OFFLINE": "1",
        "OMP_NUM_THREADS": str(args.threads),
        "HF_HUB_DISABLE_PROGRESS_BARS": "1",
        "TRANSFORMERS_VERBOSITY": "error",
    }
    logging.getLogger("summarize").setLevel(logging.ERROR)  # conversions are reported here
    os.environ.update({k: env[k] for k in ("SUMMARIZE_CACHE", "HF_HUB_OFFLINE")})
    texts = sentences(count)
    texts_file = workdir / "sentences.json"
    texts_file.write_text(json.dumps(texts, ensure_ascii=False), "utf-8")
    print(
        f"{count} sentences of 20-40 words, beam {args.beam}, {length} output tokens each, "
        f"{args.threads} threads, CPU",
        flush=True,
    )
    names = ["opus-mt-ar-en"] if args.quick else list(MODELS)
    summary: dict[str, dict[str, dict[str, float]]] = {}
    for name in names:
        model_dir = workdir / name
        if not (model_dir / "config.json").is_file():
            build_model(model_dir, MODELS[name], eos_bias=-1e4)
        from summarize.config import TranslatorSpec
        from summarize.translation.ct2_backend import ensure_converted

        started = time.perf_counter()
        ensure_converted(TranslatorSpec(name="bench", id=str(model_dir)), "int8")
        print(f"\n{name}: converted to CTranslate2 int8 in {time.perf_counter() - started:.1f} s")
        results = {}
        for engine in ENGINES:
            subset = texts_file
            if engine == "hf_single" and args.quick:  # slowest by far: a quarter of the sentences
                subset = workdir / "sentences-single.json"
                subset.write_text(json.dumps(texts[: count // 4], ensure_ascii=False), "utf-8")
            results[engine] = _spawn(
                engine, model_dir, subset, args.beam, length, args.threads, env
            )
            r = results[engine]
            r["tokens_per_s"] = r["tokens"] / r["seconds"]
            print(
                f"  {LABELS[engine]:42} {r['tokens_per_s']:8.1f} tok/s  {r['seconds']:7.2f} s"
                f"  load {r['load_seconds']:5.2f} s  peak {r['peak_mb']:6.0f} MB",
                flush=True,
            )
        base = results["project_ct2"]["tokens_per_s"]
        print(
            f"  project ct2 vs transformers batched: "
            f"{base / results['hf_batched']['tokens_per_s']:.1f}x, vs one at a time: "
            f"{base / results['hf_single']['tokens_per_s']:.1f}x, vs project torch: "
            f"{base / results['project_torch']['tokens_per_s']:.1f}x; overhead over bare ct2: "
            f"{results['project_ct2']['seconds'] / results['bare_ct2']['seconds'] - 1:+.2f}"
        )
        summary[name] = results
    # start-up of the CLI with a cached converted base model that ends every sentence at once
    quick_dir = workdir / "opus-mt-ar-en-startup"
    if not (quick_dir / "config.json").is_file():
        build_model(quick_dir, MODELS["opus-mt-ar-en"], eos_bias=1e4)
    seed = REPO.parent / "shared" / "seed" / "article-ar.txt"
    article = seed if seed.is_file() else REPO / "tests" / "fixtures" / "article-ar.txt"
    one = workdir / "one-sentence.txt"
    one.write_text(texts[0] + "\n", "utf-8")
    cli_startup(quick_dir, one, args.threads, env)  # converts once; not timed
    first, _ = cli_startup(quick_dir, one, args.threads, env)
    whole, peak = cli_startup(quick_dir, article, args.threads, env)
    helped = help_startup(env)
    print(
        f"\nCLI start-up: `summarize --help` {helped:.2f} s (target <= 0.3 s); with a cached "
        f"converted base model (decoding cut to </s>): first translated sentence {first:.2f} s; "
        f"`summarize translate {article.name}` {whole:.2f} s, peak memory {peak:.0f} MB"
    )
    print(int8_vs_float32(workdir, env))
    base = summary["opus-mt-ar-en"]
    ratio = base["project_ct2"]["tokens_per_s"] / base["hf_batched"]["tokens_per_s"]
    overhead = base["project_ct2"]["seconds"] / base["bare_ct2"]["seconds"] - 1
    print(f"ratio_vs_transformers_batched={ratio:.1f} overhead_vs_bare_ct2={overhead:.2f}")


if __name__ == "__main__":
    main()
