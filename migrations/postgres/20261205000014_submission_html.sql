-- A piece's text as cleaned HTML, stored when it is saved (as articles' `body_html` is), so a
-- page never cleans a text again. Null for the pieces saved before this column existed: the
-- server cleans those once at start.
alter table submissions add column body_html text;
