-- A piece holds at most ten photos, also when several uploads arrive at the same moment: the
-- form checks the count too, but only the database sees every upload in order (saves of one
-- piece take its row's lock first). The message is what the server recognises
-- (`submissions::PHOTO_LIMIT`).
create function submission_photos_at_most_ten() returns trigger as $$
begin
    if (select count(*) from submission_photos where submission_id = new.submission_id) >= 10 then
        raise exception 'a submission holds at most ten photos' using errcode = 'check_violation';
    end if;
    return new;
end
$$ language plpgsql;

create trigger submission_photos_at_most_ten before insert on submission_photos
for each row execute function submission_photos_at_most_ten();
