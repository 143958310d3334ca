import { Card, CardContent, TextField } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

export function CallCentrePage() {
  const translate = useTranslate();
  return (
    <Card>
      <Title title="tierwise.menu.callCentre" />
      <CardContent>
        <TextField label={translate('tierwise.callCentre.lookup', { _: 'Customer id or phone' })} autoFocus />
      </CardContent>
    </Card>
  );
}
