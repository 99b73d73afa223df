"""The one cut of a document (transforms/tokens.py): jieba's words, by offsets, numbers left out."""
from conftest import ROOT, SEEDS
from transforms.tokens import WORD_RUN, TokenStream, cut_phrase, tokenizer


def texts() -> list[str]:
    found = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    found += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "sample-sources").glob("*.txt"))]
    assert found
    return found


def test_the_cut_is_jiebas_own_on_every_run_of_words():
    for text in texts():
        ours = TokenStream(text).words(0, len(text))
        jiebas = [w for run in WORD_RUN.findall(text) for w in tokenizer().lcut(run, HMM=False)]
        assert ours == jiebas


def test_latin_letters_stay_one_word_and_digits_are_never_cut():
    text = "开通QQ群12个,发放2.5万元"
    assert TokenStream(text).words(0, len(text)) == [*tokenizer().lcut("开通QQ群", HMM=False), *tokenizer().lcut("个", HMM=False), *tokenizer().lcut("发放", HMM=False), "万元"]


def test_holes_are_never_cut_and_no_word_crosses_one():
    text = "建成3个人民调解委员会"
    hole = (text.index("3"), text.index("个") + 1)
    words = TokenStream(text, [hole]).words(0, len(text))
    assert "个人" not in words and "".join(words) == "建成人民调解委员会"


def test_a_slice_cuts_the_words_at_its_edges():
    stream = TokenStream("城乡低保对象")
    assert "".join(stream.words(2, 6)) == "低保对象"
    assert stream.words(3, 3) == []


def test_a_phrase_is_cut_like_a_document():
    assert list(cut_phrase("城乡低保对象")) == TokenStream("城乡低保对象").words(0, 6)
