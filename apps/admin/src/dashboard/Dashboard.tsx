import { Card, CardContent, Typography } from '@mui/material';
import { Title } from 'react-admin';

export function Dashboard() {
  return (
    <Card>
      <Title title="tierwise.menu.dashboard" />
      <CardContent>
        <Typography>Tierwise</Typography>
      </CardContent>
    </Card>
  );
}
