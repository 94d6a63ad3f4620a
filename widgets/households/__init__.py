"""The household browser (居民花名册): search residents, see their household's card."""
