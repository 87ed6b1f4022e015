-- Catching the search index up reads documents stored after its watermark (`seq > ?`).
CREATE INDEX documents_seq ON documents (seq);
