"""The optional language-model extractor: `forecast extract --llm`.

For users who run a language model (a local Ollama, llama.cpp or vLLM
server, or a hosted one): the article goes to any OpenAI-compatible
chat-completions endpoint with a request for JSON of the claim fields, and
what comes back is treated as a reader's notes, not as claims. Every
reading goes through the claim parser and the ledger's bounds like a
claim typed by hand (`candidates.py`), its quote must be in the article,
and anything else is dropped with its reason. The rule-based extractor
stays the default and the fallback: any failure of the model (unreachable,
too slow, an HTTP error, a refusal, a reply that is not JSON of the
schema) is one `LlmError` line, and the caller uses the rules' candidates.

    schema.py      what is asked for (the JSON schema, the prompt) and the reply check
    client.py      one chat-completions request and its failures (the only network access)
    candidates.py  the model's readings through the parser and the guards
    extraction.py  extract_with_llm: an article's candidates from the model
    errors.py      LlmError
"""
