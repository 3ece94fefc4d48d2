"""The site, read once: configuration, source pages, data files and the built HTML.

Nothing in this package judges, prints or exits. Each kind of input is read
by exactly one module here, into typed records that every check (scripts/checks)
and every renderer (scripts/render) uses:

* ``config``     mkdocs.yml (or MkDocs' parsed config): languages, folders;
* ``problem``    the one ``Problem`` type every check returns;
* ``yamlfile``   YAML with line numbers, and YAML errors as file:line;
* ``pages``      every Markdown page with its front matter, headings and
                 translation state (the one place that decides
                 translated / outdated / missing / orphan);
* ``facts``      the numbers, provisions, phone numbers and URLs of a section;
* ``urls``       locale <-> file path <-> site address;
* ``interface``  the interface strings of each language;
* ``offers``, ``redirects``, ``claims``  the data files under data/;
* ``built``      the built site, scanned once (one parse per page).
"""
