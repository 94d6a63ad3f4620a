"""The embedded demo site: a synthetic district at the real scale of Erqi District, Zhengzhou."""
