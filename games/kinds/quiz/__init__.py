"""The quiz kind and its « de A à Z » variant, the parcours."""
