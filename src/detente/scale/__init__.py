"""Scale out on Dask: the same pipeline on every worker, Parquet parts, loaded once by doc_id.

- ``cluster``: ``--cluster local[:N] | tcp://HOST:PORT`` to a Dask ``Client``.
- ``worker``: the pipeline loaded once per worker (a worker plugin) and the partition task.
- ``parts``: the Parquet parts layout, with the store's schema.
- ``run``: the client: partitions out, parts loaded into the store in input order.
- ``load``: ``detente load PARTS --db FILE``.
- ``views``: ``detente.open(parts_dir)``, the parts queried in place with DuckDB.

Dask is an optional dependency (``pip install 'detente[dask]'``); nothing here is imported by
a run without ``--cluster``. See docs/scale.md.
"""
