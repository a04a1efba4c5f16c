-- The catalog's search text, lower-cased once per write. A generated column must be immutable;
-- array_to_string and concat_ws are only stable (they may format any element type), but for text
-- and text[] their result depends on nothing but the arguments.
CREATE FUNCTION contract_search_text(slug text, name text, description text, tags text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(concat_ws(E'\n', slug, name, description, array_to_string(tags, ' '))) $$;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (contract_search_text(slug, name, description, tags)) STORED NOT NULL;
