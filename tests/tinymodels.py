"""Tiny MarianMT models built at test time: real files, loaded through the real code path.

A SentencePiece model is trained on a few KB of fixture text, a MarianConfig with a handful of
dimensions is initialised with fixed random weights, and both are written with save_pretrained.
"""

from __future__ import annotations

import json
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def build_tokenizer_files(workdir: Path, vocab_size: int = 400) -> tuple[Path, Path]:
    """Train a SentencePiece model on the fixture corpus; returns (spm file, vocab.json)."""
    import sentencepiece as spm

    workdir.mkdir(parents=True, exist_ok=True)
    prefix = workdir / "sp"
    spm.SentencePieceTrainer.train(
        input=str(FIXTURES / "corpus.txt"),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        unk_id=0,
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=f"{prefix}.model")
    # The layout of OPUS-MT vocabularies: </s> 0, <unk> 1, the pieces, <pad> last.
    vocab = {"</s>": 0, "<unk>": 1}
    for index in range(processor.get_piece_size()):
        vocab.setdefault(processor.id_to_piece(index), len(vocab))
    vocab["<pad>"] = len(vocab)
    vocab_file = workdir / "vocab.json"
    vocab_file.write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    return Path(f"{prefix}.model"), vocab_file


def build_tiny_marian(
    target: Path, seed: int = 0, loop_token: str | None = None, d_model: int = 16
) -> Path:
    """Save a tiny random Marian model and tokenizer to `target`.

    With `loop_token`, that token's output bias is raised so greedy decoding repeats it forever:
    a planted loop for the repetition guard.
    """
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    spm_file, vocab_file = build_tokenizer_files(target.parent / f"{target.name}-spm")
    tokenizer = MarianTokenizer(str(spm_file), str(spm_file), str(vocab_file))
    config = MarianConfig(
        vocab_size=len(tokenizer),
        d_model=d_model,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=512,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        forced_eos_token_id=tokenizer.eos_token_id,
        init_std=1.0,  # large random weights: outputs that depend on the input
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    with torch.no_grad():
        # Make </s> likely enough that most outputs end on their own, as a trained model's do.
        model.final_logits_bias[0, tokenizer.eos_token_id] += 4.0
        if loop_token is not None:
            model.final_logits_bias[0, tokenizer.convert_tokens_to_ids(loop_token)] += 50.0
    model.save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target


TINY_MODELS_YAML = """\
default: tiny
translators:
  tiny:
    id: {tiny}
    beam_size: 1
    max_input_tokens: 32
    max_new_tokens: 48
    length_ratio: 4.0
    length_slack: 10
    batch_tokens: 256
    min_confidence: -50.0  # random weights score low: flagged only where a test asks (doubt)
  doubt:
    id: {tiny}
    beam_size: 1
    max_input_tokens: 32
    max_new_tokens: 48
    length_ratio: 4.0
    length_slack: 10
    batch_tokens: 256
    min_confidence: 0.0  # every sentence under it: all flagged
  loop:
    id: {loop}
    beam_size: 1
    max_input_tokens: 32
    max_new_tokens: 24
    batch_tokens: 256
    no_repeat_ngram_size: 3
    repetition_penalty: 1.5
    min_confidence: -50.0
summarizer:
  default: tinyllm
  models:
    tinyllm:
      id: {llm}
      max_new_tokens: 48
      max_input_tokens: 16000
"""


CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n"
    "{{ message['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)


def build_tiny_causal_lm(target: Path, seed: int = 0) -> Path:
    """A tiny random instruction model: a byte-level BPE tokenizer trained on the fixture text,
    a chat template, and a one-layer Llama, saved with save_pretrained."""
    import torch
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

    specials = ["<unk>", "<pad>", "<|im_start|>", "<|im_end|>"]
    bpe = Tokenizer(models.BPE(unk_token="<unk>"))
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600,
        special_tokens=specials,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    bpe.train([str(FIXTURES / "corpus.txt")], trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        unk_token="<unk>",
        pad_token="<pad>",
        eos_token="<|im_end|>",
        additional_special_tokens=["<|im_start|>"],
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=2,
        max_position_embeddings=16384,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,
    )
    torch.manual_seed(seed)
    LlamaForCausalLM(config).save_pretrained(target)
    tokenizer.save_pretrained(target)
    return target
