-- A piece holds at most ten photos, also when several uploads arrive at the same moment: the
-- form checks the count too, but only the database sees every upload in order. The message is
-- what the server recognises (`submissions::PHOTO_LIMIT`).
create trigger submission_photos_at_most_ten before insert on submission_photos
when (select count(*) from submission_photos where submission_id = new.submission_id) >= 10
begin
    select raise(abort, 'a submission holds at most ten photos');
end;
